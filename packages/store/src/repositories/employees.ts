/**
 * Employees: 身份证号 and 银行卡号 are encrypted on write and masked on read unless the caller asks for them.
 * @example const e = await employees.create(tenantId, { employeeNo: "E001", name: "张三", employmentType: "全职" })
 */

import { type Kysely, type Selectable, sql } from "kysely";
import { type FieldCipher, maskBank, maskIdNumber } from "../crypto.js";
import { guard, StoreError } from "../errors.js";
import type { Database, EmployeesTable, EmploymentType } from "../schema.js";
import { likeEscape, newId, nowIso } from "../util.js";
import { type SavedEmployee, saveEmployees } from "./employees-bulk.js";

export type { SavedEmployee } from "./employees-bulk.js";

/** An employee as shown: idNumber / bankAccount masked unless read with `reveal`. @example const e: Employee = await employees.getByNo(tenantId, "E001") */
export type Employee = {
  id: string;
  tenantId: string;
  employeeNo: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  bankAccount: string | null;
  bankName: string | null;
  hireDate: string | null;
  regularDate: string | null;
  leaveDate: string | null;
  employmentType: EmploymentType;
  insuredCity: string | null;
  teamId: string | null;
  /** Address for the PDF 工资条 e-mail. */
  email: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Fields of a new employee (clear values; the repository encrypts). @example const e: NewEmployee = { employeeNo: "E001", name: "张三", employmentType: "全职" } */
export type NewEmployee = {
  employeeNo: string;
  name: string;
  employmentType: EmploymentType;
  phone?: string | null;
  idNumber?: string | null;
  bankAccount?: string | null;
  bankName?: string | null;
  hireDate?: string | null;
  regularDate?: string | null;
  leaveDate?: string | null;
  insuredCity?: string | null;
  teamId?: string | null;
  email?: string | null;
};

/** A change: undefined keeps a field, null clears it. @example const p: EmployeePatch = { leaveDate: "2025-06-30" } */
export type EmployeePatch = Partial<Omit<NewEmployee, "employeeNo">>;

/** Read options: `reveal` returns the clear 身份证号 / 银行卡号 (callers check permission and audit it). @example await employees.getByNo(tenantId, "E001", { reveal: true }) */
export type ReadOptions = { reveal?: boolean };

/** Employee storage. @example const employees: EmployeeRepository = createEmployeeRepository(db, cipher) */
export interface EmployeeRepository {
  create(tenantId: string, employee: NewEmployee): Promise<Employee>;
  update(tenantId: string, employeeNo: string, patch: EmployeePatch): Promise<Employee>;
  /** Creates new 工号 and merges into existing ones (null keeps a stored field), 500 rows a statement. */
  saveMany(tenantId: string, employees: readonly NewEmployee[]): Promise<SavedEmployee[]>;
  findByNo(tenantId: string, employeeNo: string, options?: ReadOptions): Promise<Employee | undefined>;
  getByNo(tenantId: string, employeeNo: string, options?: ReadOptions): Promise<Employee>;
  list(
    tenantId: string,
    /** `reveal` decrypts 身份证号/银行卡号 (bank and tax files only; the caller audits it). */
    query?: { search?: string; teamId?: string; limit?: number; offset?: number; reveal?: boolean },
  ): Promise<Employee[]>;
}

type Row = Selectable<EmployeesTable>;

/**
 * Employees over Kysely with a field cipher.
 * @example const repo = createEmployeeRepository(db, createFieldCipher(loadKey()))
 */
export function createEmployeeRepository(db: Kysely<Database>, cipher: FieldCipher): EmployeeRepository {
  const idContext = (tenantId: string) => `${tenantId}:id_number`;
  const bankContext = (tenantId: string) => `${tenantId}:bank_account`;
  const seal = (value: string | null | undefined, context: string) =>
    value === undefined ? undefined : value === null || value === "" ? null : cipher.encrypt(value, context);

  function toEmployee(r: Row, reveal: boolean): Employee {
    const open = (v: string | null, ctx: string, mask: (s: string) => string) =>
      v === null ? null : reveal ? cipher.decrypt(v, ctx) : mask(cipher.decrypt(v, ctx));
    return {
      id: r.id,
      tenantId: r.tenant_id,
      employeeNo: r.employee_no,
      name: r.name,
      phone: r.phone,
      idNumber: open(r.id_number_enc, idContext(r.tenant_id), maskIdNumber),
      bankAccount: open(r.bank_account_enc, bankContext(r.tenant_id), maskBank),
      bankName: r.bank_name,
      hireDate: r.hire_date,
      regularDate: r.regular_date,
      leaveDate: r.leave_date,
      employmentType: r.employment_type,
      insuredCity: r.insured_city,
      teamId: r.team_id,
      email: r.email,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  const repo: EmployeeRepository = {
    async create(tenantId, e) {
      const at = nowIso();
      const row: Row = {
        id: newId(),
        tenant_id: tenantId,
        employee_no: e.employeeNo.trim(),
        name: e.name,
        phone: e.phone ?? null,
        id_number_enc: seal(e.idNumber, idContext(tenantId)) ?? null,
        bank_account_enc: seal(e.bankAccount, bankContext(tenantId)) ?? null,
        bank_name: e.bankName ?? null,
        hire_date: e.hireDate ?? null,
        regular_date: e.regularDate ?? null,
        leave_date: e.leaveDate ?? null,
        employment_type: e.employmentType,
        insured_city: e.insuredCity ?? null,
        team_id: e.teamId ?? null,
        email: e.email ?? null,
        created_at: at,
        updated_at: at,
      };
      try {
        await guard(`保存员工 ${row.employee_no}`, `saving employee ${row.employee_no}`, () =>
          db.insertInto("employees").values(row).execute(),
        );
      } catch (err) {
        if (err instanceof StoreError && err.code === "DUPLICATE") {
          throw new StoreError(
            "DUPLICATE",
            `工号 ${row.employee_no} 已存在`,
            `employee number ${row.employee_no} already exists`,
            {
              cause: err,
            },
          );
        }
        throw err;
      }
      return toEmployee(row, false);
    },

    async update(tenantId, employeeNo, p) {
      const set: Partial<Row> = { updated_at: nowIso() };
      if (p.name !== undefined) set.name = p.name;
      if (p.employmentType !== undefined) set.employment_type = p.employmentType;
      if (p.phone !== undefined) set.phone = p.phone;
      if (p.idNumber !== undefined) set.id_number_enc = seal(p.idNumber, idContext(tenantId)) ?? null;
      if (p.bankAccount !== undefined)
        set.bank_account_enc = seal(p.bankAccount, bankContext(tenantId)) ?? null;
      if (p.bankName !== undefined) set.bank_name = p.bankName;
      if (p.hireDate !== undefined) set.hire_date = p.hireDate;
      if (p.regularDate !== undefined) set.regular_date = p.regularDate;
      if (p.leaveDate !== undefined) set.leave_date = p.leaveDate;
      if (p.insuredCity !== undefined) set.insured_city = p.insuredCity;
      if (p.teamId !== undefined) set.team_id = p.teamId;
      if (p.email !== undefined) set.email = p.email;
      const result = await guard(`修改员工 ${employeeNo}`, `updating employee ${employeeNo}`, () =>
        db
          .updateTable("employees")
          .set(set)
          .where("tenant_id", "=", tenantId)
          .where("employee_no", "=", employeeNo)
          .executeTakeFirst(),
      );
      if (Number(result.numUpdatedRows) === 0) {
        throw new StoreError("NOT_FOUND", `找不到工号 ${employeeNo}`, `employee ${employeeNo} not found`);
      }
      return repo.getByNo(tenantId, employeeNo);
    },

    saveMany(tenantId, employees) {
      return saveEmployees(
        db,
        (v, field) => seal(v, field === "id" ? idContext(tenantId) : bankContext(tenantId)) ?? null,
        tenantId,
        employees,
      );
    },

    async findByNo(tenantId, employeeNo, options = {}) {
      const row = await db
        .selectFrom("employees")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("employee_no", "=", employeeNo)
        .executeTakeFirst();
      return row ? toEmployee(row, options.reveal === true) : undefined;
    },

    async getByNo(tenantId, employeeNo, options = {}) {
      const found = await repo.findByNo(tenantId, employeeNo, options);
      if (!found)
        throw new StoreError("NOT_FOUND", `找不到工号 ${employeeNo}`, `employee ${employeeNo} not found`);
      return found;
    },

    async list(tenantId, query = {}) {
      let q = db.selectFrom("employees").selectAll().where("tenant_id", "=", tenantId);
      if (query.teamId) q = q.where("team_id", "=", query.teamId);
      const term = query.search?.trim();
      if (term) {
        const pattern = `%${likeEscape(term)}%`;
        q = q.where(
          sql<boolean>`(employee_no like ${pattern} escape '\\' or name like ${pattern} escape '\\')`,
        );
      }
      const rows = await q
        .orderBy("employee_no")
        .limit(query.limit ?? 1000)
        .offset(query.offset ?? 0)
        .execute();
      return rows.map((r) => toEmployee(r, query.reveal === true));
    },
  };
  return repo;
}
