/**
 * A coloured tag for a run / payslip status.
 * @example <StatusTag status="paid" />
 */
import { Tag } from "antd";
import { useT } from "../i18n";

const COLORS: Record<string, string> = {
  draft: "default",
  calculated: "processing",
  approved: "blue",
  paid: "green",
  locked: "purple",
};

/** The status as a tag (unknown statuses shown as they are). @example <StatusTag status="approved" /> */
export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const key = `status.${status}`;
  const label = t(key);
  return <Tag color={COLORS[status] ?? "default"}>{label === key ? status : label}</Tag>;
}
