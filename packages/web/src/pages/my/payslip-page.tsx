/**
 * /payslips/:period/:employeeNo: any person's payslip (HR, finance, the lead); read-only unless it is my own.
 * The server's 403/404 show as 无权查看 / 未找到.
 * @example <Route path="payslips/:period/:employeeNo" element={<PayslipPage />} />
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { PayslipView } from "../../components/payslip-view";
import { useT } from "../../i18n";

/** Someone's payslip by URL. @example <PayslipPage /> */
export default function PayslipPage() {
  const t = useT();
  const nav = useNavigate();
  const { period = "", employeeNo = "" } = useParams();
  return (
    <div style={{ maxWidth: 860, margin: "0 auto" }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => nav(-1)}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t("common.back")}
      </Button>
      <PayslipView period={period} employeeNo={employeeNo} />
    </div>
  );
}
