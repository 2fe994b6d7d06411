/**
 * A record named in the address bar, e.g. /activities?open=<id> from global search
 * (components/GlobalSearch.vue). The page calls `loaded()` once its own data is in;
 * from then on, the id in `?<key>=` — at arrival or when a later search hit changes it
 * on the same page — is handed to `open(id)` once, awaited, and then removed from the
 * address with router.replace, so 刷新 or 返回 does not open it again. Only this key
 * is touched: other query parameters (a prefilled new=1&…) stay for their own code.
 */
import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export function useOpenQuery(key: string, open: (id: string) => unknown): { loaded: () => Promise<void> } {
  const route = useRoute();
  const router = useRouter();
  // the page this view is on: while the router leaves it, a query meant for the next page is not ours
  const path = route.path;
  let ready = false;
  let busy = false;

  async function take() {
    const id = route.query[key];
    if (!ready || busy || route.path !== path || typeof id !== 'string' || !id) return;
    busy = true;
    try {
      await open(id);
    } finally {
      busy = false;
    }
    if (route.path !== path) return;
    if (route.query[key] === id) {
      const { [key]: _done, ...rest } = route.query;
      await router.replace({ path: route.path, query: rest });
    } else await take(); // another hit arrived while this one opened
  }

  watch(() => route.query[key], () => void take());
  return {
    loaded: async () => {
      ready = true;
      await take();
    },
  };
}
