import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'tests/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    server: { deps: { inline: ['kysely'] } },
  },
});
