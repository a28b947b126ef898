/**
 * One employee's 工资条 as a PDF (A4): the company and period as the title, 工号 / 姓名 / 团队, a table of the lines
 * (应发、扣款、代扣代缴、其他) with amount and a short explanation, 应发工资 / 扣款合计 / 实发工资 emphasised, and a
 * footer with the run id. Text is set in Noto Sans SC (SIL Open Font License 1.1, shipped by the npm package
 * @expo-google-fonts/noto-sans-sc; pdfkit embeds only the glyphs used), so it renders on any machine. With a
 * password the file is AES-256 encrypted (PDF 1.7 extension level 3): it opens only with that password; printing
 * stays allowed.
 * @example const bytes = await renderPayslipPdf({ company: "示例公司", period: "2026-08", … })
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { displayWidth } from "./text-width.js";

/** A line of the payslip: its amount as decimal text and a short explanation. @example const l: PayslipPdfLine = { name: "底薪", kind: "earning", amount: "5000.00", explanation: "级别工资[E] 5000.00" } */
export type PayslipPdfLine = {
  name: string;
  kind: "earning" | "deduction" | "withholding" | "info";
  amount: string;
  explanation: string;
};

/** Everything one payslip shows. @example const p: PayslipPdf = { company, period, employeeNo: "E001", name: "张三", team: "一组", lines, gross, deductions, net, runId } */
export type PayslipPdf = {
  company: string;
  period: string;
  employeeNo: string;
  name: string;
  team: string;
  lines: PayslipPdfLine[];
  gross: string;
  deductions: string;
  net: string;
  runId: string;
};

const requireHere = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/**
 * The Noto Sans SC regular and bold TTF bytes, read once from the npm package.
 * @example loadPayslipFonts().regular.length > 0
 */
export function loadPayslipFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const file = (w: string) =>
      readFileSync(requireHere.resolve(`@expo-google-fonts/noto-sans-sc/${w}/NotoSansSC_${w}.ttf`));
    fonts = { regular: file("400Regular"), bold: file("700Bold") };
  }
  return fonts;
}

/**
 * An amount as the register shows it: thousands grouped, decimals kept.
 * @example groupDigits("-1234567.80") === "-1,234,567.80"
 */
export function groupDigits(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!m) return amount;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/**
 * Text cut to at most `width` display columns (CJK counts 2), ending with "…" when cut.
 * @example clipText("岗位工资 = 800.00 × 75%", 10) === "岗位工资…"
 */
export function clipText(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (displayWidth(flat) <= width) return flat;
  let out = "";
  for (const ch of flat) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

const SECTIONS: ReadonlyArray<readonly [PayslipPdfLine["kind"], string]> = [
  ["earning", "应发项目"],
  ["deduction", "扣款项目"],
  ["withholding", "代扣代缴"],
  ["info", "其他信息（不计入实发）"],
];
const MARGIN = 42;
const COL = { name: 118, amount: 86 };
const GREY = "#555555";
const LINE = "#bbbbbb";
/** Explanations are cut to about two lines of the column. */
const EXPLAIN_WIDTH = 120;

/**
 * Renders the payslip; `password` encrypts it (AES-256) with that user password.
 * @example const pdf = await renderPayslipPdf(p, { password: "123456" })
 */
export async function renderPayslipPdf(p: PayslipPdf, o: { password?: string } = {}): Promise<Uint8Array> {
  const { regular, bold } = loadPayslipFonts();
  const secure =
    o.password === undefined
      ? {}
      : {
          userPassword: o.password,
          ownerPassword: `${o.password}:owner:${p.runId}`,
          pdfVersion: "1.7ext3" as const,
          permissions: { printing: "highResolution" as const },
        };
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${p.company} ${p.period} 工资条 ${p.employeeNo}`, Author: p.company },
    ...secure,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  doc.registerFont("cjk", regular);
  doc.registerFont("cjk-bold", bold);
  drawPayslip(doc, p);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawPayslip(doc: PDFKit.PDFDocument, p: PayslipPdf): void {
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 30;
  doc.font("cjk-bold").fontSize(17).fillColor("black").text(p.company, left, MARGIN, { width });
  doc.fontSize(13).text(`${p.period} 工资条`, { width });
  doc.moveDown(0.4);
  doc.font("cjk").fontSize(10.5).fillColor("black");
  const y0 = doc.y;
  const who: Array<[string, string]> = [
    ["工号", p.employeeNo],
    ["姓名", p.name],
    ["团队", p.team || "—"],
  ];
  who.forEach(([k, v], i) => {
    doc.text(`${k}：${v}`, left + i * (width / 3), y0, { width: width / 3 - 8, lineBreak: false });
  });
  doc.y = y0 + 20;
  rule(doc, left, width, "black", 1);

  const explainX = left + COL.name + COL.amount + 12;
  const explainW = width - (explainX - left);
  const header = () => {
    const y = doc.y + 4;
    doc.font("cjk-bold").fontSize(9.5).fillColor(GREY);
    doc.text("项目", left, y, { width: COL.name, lineBreak: false });
    doc.text("金额（元）", left + COL.name, y, { width: COL.amount, align: "right", lineBreak: false });
    doc.text("说明", explainX, y, { width: explainW, lineBreak: false });
    doc.y = y + 16;
    rule(doc, left, width, LINE, 0.5);
  };
  header();
  for (const [kind, title] of SECTIONS) {
    const lines = p.lines.filter((l) => l.kind === kind);
    if (lines.length === 0) continue;
    if (doc.y + 40 > bottom()) newPage(doc, header);
    doc.font("cjk-bold").fontSize(10).fillColor("black");
    doc.text(title, left, doc.y + 5, { width, lineBreak: false });
    doc.y += 3;
    for (const l of lines) {
      const explanation = clipText(l.explanation, EXPLAIN_WIDTH);
      doc.font("cjk").fontSize(8.5);
      const h = Math.max(14, doc.heightOfString(explanation || " ", { width: explainW }) + 5);
      if (doc.y + h > bottom()) newPage(doc, header);
      const y = doc.y + 3;
      doc.fontSize(10).fillColor("black");
      doc.text(l.name, left + 10, y, { width: COL.name - 10, height: h, ellipsis: true });
      doc.text(groupDigits(l.amount), left + COL.name, y, { width: COL.amount, align: "right" });
      doc
        .fontSize(8.5)
        .fillColor(GREY)
        .text(explanation, explainX, y + 1, { width: explainW });
      doc.y = y + h;
      rule(doc, left, width, LINE, 0.3);
    }
  }
  if (doc.y + 90 > bottom()) newPage(doc, header);
  doc.y += 10;
  const totals: Array<[string, string, number]> = [
    ["应发工资", p.gross, 11],
    ["扣款合计", p.deductions, 11],
    ["实发工资", p.net, 14],
  ];
  const boxTop = doc.y;
  doc.rect(left, boxTop, width, 78).fillColor("#f2f2f2").fill();
  let y = boxTop + 8;
  for (const [name, amount, size] of totals) {
    doc.font("cjk-bold").fontSize(size).fillColor("black");
    doc.text(name, left + 10, y, { width: COL.name, lineBreak: false });
    doc.text(groupDigits(amount), left + COL.name, y, { width: COL.amount + 40, align: "right" });
    y += size + 11;
  }
  doc.y = boxTop + 90;
  footer(doc, p);
}

function rule(doc: PDFKit.PDFDocument, left: number, width: number, color: string, w: number): void {
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(w)
    .strokeColor(color)
    .stroke();
}

function newPage(doc: PDFKit.PDFDocument, header: () => void): void {
  doc.addPage();
  doc.y = MARGIN;
  header();
}

function footer(doc: PDFKit.PDFDocument, p: PayslipPdf): void {
  const width = doc.page.width - 2 * MARGIN;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no page break for it
    const y = doc.page.height - MARGIN - 14;
    doc.font("cjk").fontSize(8).fillColor(GREY);
    doc.text(
      `算薪批次 ${p.runId} · 第 ${i - range.start + 1}/${range.count} 页 · 如有疑问请联系人事`,
      MARGIN,
      y,
      { width, align: "center", lineBreak: false },
    );
  }
}
