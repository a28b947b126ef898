import { registerGradeReviewSuite } from "./grade-reviews.suite.js";
import { testStore } from "./suite-kit.js";

registerGradeReviewSuite("grade reviews on SQLite (in memory)", () => testStore("sqlite::memory:"));
