import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The renderer is built into dist/renderer and served from disk (Electron: file://, browser mode: 127.0.0.1); no CDN, no network.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [vue()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
});
