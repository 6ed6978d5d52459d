// The example is served by the support server at /examples/vite/ (loopback only), so its assets live there.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/examples/vite/',
  // The support server to talk to while developing with `npm run dev` (http://localhost:5173); its organisation
  // must allow that origin. Built, the page runs on the support server itself and uses location.origin.
  define: { __SUPPORT_SERVER__: JSON.stringify(process.env.SUPPORT_SERVER ?? '') },
});
