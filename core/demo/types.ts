/** What the demo generators hand on to each other. */
export interface DemoMember {
  id: string;
  name: string;
  joinDate: string;
  partyStatus: string;
  category: string;
}

export interface DemoState {
  committeeId: string;
  branches: { id: string; name: string; groupIds: string[]; members: DemoMember[] }[];
}
