/**
 * 算薪 area: /payroll lists the periods, /payroll/:period is the workspace of one month.
 * @example <Route path="payroll/*" element={<PayrollPage />} />
 */
import { Route, Routes } from "react-router-dom";
import { PeriodList } from "./period-list";
import { PeriodPage } from "./period-page";

/** The payroll routes. @example <PayrollPage /> */
export default function PayrollPage() {
  return (
    <Routes>
      <Route index element={<PeriodList />} />
      <Route path=":period" element={<PeriodPage />} />
    </Routes>
  );
}
