import { createRouter, createWebHashHistory, type RouteComponent } from 'vue-router';
import { NAV } from './nav';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    ...NAV.map((n) => ({ path: n.path, component: n.component as () => Promise<RouteComponent>, meta: { title: n.title } })),
    { path: '/setup', component: () => import('./views/setup/SetupView.vue'), meta: { title: '开始使用' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '')} · 党务台账`;
});
