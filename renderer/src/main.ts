import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { vDelayedLoading } from './composables/delayed-loading';

const app = createApp(App).use(createPinia()).use(router).use(ElementPlus, { locale: zhCn });
// after Element Plus, so that every v-loading is the delayed one (composables/delayed-loading.ts)
app.directive('loading', vDelayedLoading);
app.mount('#app');
