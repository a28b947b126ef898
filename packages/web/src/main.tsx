/**
 * Browser entry: mounts the app on #root.
 * @example <script type="module" src="/src/main.tsx"></script>
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Root } from "./app";

const el = document.getElementById("root");
if (el) {
  createRoot(el).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
