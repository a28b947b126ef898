import { registerAccountSuite } from "./accounts.suite.js";
import { testStore } from "./suite-kit.js";

registerAccountSuite("accounts on SQLite (in memory)", () => testStore("sqlite::memory:"));
