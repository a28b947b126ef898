import { registerServiceSuite } from "./services.suite.js";

registerServiceSuite("services on SQLite (in memory)", "sqlite::memory:");
