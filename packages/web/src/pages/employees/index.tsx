/**
 * 员工 area: /employees is the list (import, accounts), /employees/:no one employee.
 * @example <Route path="employees/*" element={<EmployeesPage />} />
 */
import { Route, Routes } from "react-router-dom";
import { EmployeeDetailPage } from "./employee-detail";
import { EmployeeList } from "./employee-list";

/** The employee routes. @example <EmployeesPage /> */
export default function EmployeesPage() {
  return (
    <Routes>
      <Route index element={<EmployeeList />} />
      <Route path=":no" element={<EmployeeDetailPage />} />
    </Routes>
  );
}
