/**
 * Dossiers for the development rule tests: one faultless file through all 25
 * steps (2023–2026, all under the 2014 细则), for a test to break one rule at a time.
 */
import type { Dossier } from '../../core/development/engine.ts';

/** A faultless dossier through all 25 steps. */
export function faultlessDossier(): Dossier {
  return {
    birthDate: '1995-03-10',
    steps: {
      1: '2023-03-01', 2: '2023-03-20', 3: '2023-09-05', 4: '2023-09-20', 5: '2023-09-20', 6: '2024-03-05',
      7: '2024-09-10', 8: '2024-09-20', 9: '2024-09-25', 10: '2024-10-20', 11: '2024-10-25', 12: '2024-11-05',
      13: '2024-11-15', 14: '2024-11-20', 15: '2024-12-01', 16: '2024-12-20', 17: '2025-01-15', 18: '2025-01-25',
      19: '2025-01-20', 20: '2025-02-01', 21: '2025-06-01', 22: '2025-11-20', 23: '2025-12-01', 24: '2026-01-10', 25: '2026-02-01',
    },
    introducers: [
      { name: '王建国', fullMemberSince: '2010-07-01' },
      { name: '李丽', fullMemberSince: '2015-07-01' },
    ],
    training: { days: 3, hours: 24 },
    politicalReviewConcluded: true,
    branchMeeting: { due: 16, present: 14, for: 13, secretBallot: true },
    conversionMeeting: { due: 16, present: 15, for: 15, secretBallot: true },
  };
}
