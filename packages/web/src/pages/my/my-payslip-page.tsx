/**
 * /my/:period: my own payslip for a month, with confirm, questions and PDF.
 * @example <Route path="my/:period" element={<MyPayslipPage />} />
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Empty } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { useMe } from "../../auth/auth-provider";
import { PayslipView } from "../../components/payslip-view";
import { useT } from "../../i18n";

/** My payslip of one month. @example <MyPayslipPage /> */
export default function MyPayslipPage() {
  const t = useT();
  const me = useMe();
  const nav = useNavigate();
  const { period = "" } = useParams();
  return (
    <div style={{ maxWidth: 720, margin: "0 auto" }}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => nav("/my")}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t("my.title")}
      </Button>
      {me.employeeNo ? (
        <PayslipView period={period} employeeNo={me.employeeNo} />
      ) : (
        <Empty description={t("my.noEmployee")} />
      )}
    </div>
  );
}
