/**
 * Pieces of the tax calculators: a form field that shows its problem under it, the ¥ amount field, and the result
 * block (figures, the explanation and the legal source).
 * @example <TaxResult figures={[{ label: "税率", value: "3%" }]} explain={r.zh} source={r.source} />
 */
import { Descriptions, Form, Input, Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { type TFunction, useT } from "../i18n";
import { formatMoney } from "./format";

type FieldProps = { label: string; error: string | null; style?: CSSProperties; children: ReactNode };

/** A vertical-form field in the error state, with the message under it, when `error` is set. @example <ProblemField label="日期" error={null}><Input /></ProblemField> */
export function ProblemField({ label, error, style, children }: FieldProps) {
  return (
    <Form.Item
      label={label}
      validateStatus={error ? "error" : undefined}
      help={error ?? undefined}
      style={style}
    >
      {children}
    </Form.Item>
  );
}

type AmountProps = Omit<FieldProps, "children"> & {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  inputStyle?: CSSProperties;
};

/** A ¥ amount typed as decimal text. @example <AmountField label="金额" value={a} onChange={setA} error={null} testId="x" /> */
export function AmountField({ value, onChange, testId, inputStyle, ...field }: AmountProps) {
  const t = useT();
  return (
    <ProblemField {...field}>
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode="decimal"
        prefix="¥"
        placeholder={t("tax.enterAmount")}
        style={inputStyle}
        data-testid={testId}
      />
    </ProblemField>
  );
}

/** One figure of a result. @example { label: "税率", value: "3%" } */
export type TaxFigure = { label: string; value: ReactNode };

/** What every withholding result has: its bracket's rate and quick deduction, and the tax. */
type Withheld = {
  rate: string;
  quickDeduction: { toString(): string };
  tax: { toFixed(places: number): string };
};

/** The rate, the quick deduction and the tax (bold, with a test id) as figures. @example rateAndTaxFigures(t, r, t("tax.labor.tax"), "tax-labor-tax") */
export function rateAndTaxFigures(t: TFunction, r: Withheld, taxLabel: string, testId: string): TaxFigure[] {
  return [
    { label: t("tax.rate"), value: r.rate },
    { label: t("tax.quickDeduction"), value: r.quickDeduction.toString() },
    {
      label: taxLabel,
      value: (
        <Typography.Text strong data-testid={testId}>
          {formatMoney(r.tax.toFixed(2))}
        </Typography.Text>
      ),
    },
  ];
}

type ResultProps = { figures: TaxFigure[]; explain: string; source: ReactNode };

/** The figures in a bordered grid, then the explanation and the source line. @example <TaxResult figures={f} explain={r.zh} source={r.source} /> */
export function TaxResult({ figures, explain, source }: ResultProps) {
  const t = useT();
  return (
    <>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        bordered
        items={figures.map((f) => ({ key: f.label, label: f.label, children: f.value }))}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t("tax.explain")}：</Typography.Text>
        {explain}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("tax.source")}：{source}
      </Typography.Paragraph>
    </>
  );
}
