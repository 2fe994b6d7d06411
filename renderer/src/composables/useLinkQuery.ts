/**
 * A link into a form (the home page's 本月待办: `?new=1&orgId=..&type=..&month=..`, `?open=..`): the view reads the
 * query once, when it is set up, and the address is cleared at once (router.replace), so going back or reloading
 * the page does not open the form again. Only string values are kept. `keep` names the keys that stay in the
 * address because the page itself is addressed by them (the dossier's `id`).
 */
import { useRoute, useRouter } from 'vue-router';

export function useLinkQuery(keep: string[] = []): Record<string, string> {
  const route = useRoute();
  const router = useRouter();
  // a view mounted on its own (a component test without a router) has no link to read
  if (!route || !router) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(route.query)) if (typeof v === 'string') out[k] = v;
  const rest = Object.fromEntries(Object.entries(route.query).filter(([k]) => keep.includes(k)));
  if (Object.keys(route.query).length > Object.keys(rest).length) void router.replace({ path: route.path, query: rest, hash: route.hash });
  return out;
}
