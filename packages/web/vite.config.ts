/**
 * Vite build of the web app: React, output in dist (served by Fastify), /api proxied to the local server in dev.
 * @example npx vite build
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The big libraries get their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: "echarts", priority: 20, test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            {
              name: "antd",
              priority: 10,
              test: /node_modules[\\/](antd|@ant-design|@rc-component|@emotion|dayjs)[\\/]/,
            },
            {
              name: "react",
              priority: 30,
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // XINSUAN_API points the dev server at another API, e.g. XINSUAN_API=http://localhost:3100 npx vite
      "/api": { target: process.env.XINSUAN_API ?? "http://localhost:3000", changeOrigin: false },
    },
  },
});
