/**
 * A required option's value, or USAGE naming the flag.
 * @example const period = needOption(o.period, "--period")
 */
import { AppError } from "./app-error.js";

export function needOption(value: string | undefined, flag: string): string {
  if (!value) throw new AppError("USAGE", `缺少参数 ${flag}`, `missing ${flag}`);
  return value;
}
