/**
 * The root component: language (with antd locale), antd App context, router and auth.
 * @example createRoot(el).render(<Root />)
 */
import { App as AntApp } from "antd";
import { Component, type ReactNode } from "react";
import { BrowserRouter } from "react-router-dom";
import { AuthProvider } from "./auth/auth-provider";
import { I18nProvider, translate } from "./i18n";
import { AppRoutes } from "./routes";

/** Catches render errors so the user sees a message instead of a blank page (never a stack trace). */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    const lang = document.documentElement.lang === "en-US" ? "en-US" : "zh-CN";
    return <div style={{ padding: 48, textAlign: "center" }}>{translate(lang, "error.boundary")}</div>;
  }
}

/** Everything the app needs around its routes. @example <Root /> */
export function Root() {
  return (
    <ErrorBoundary>
      <I18nProvider>
        <AntApp>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </AntApp>
      </I18nProvider>
    </ErrorBoundary>
  );
}
