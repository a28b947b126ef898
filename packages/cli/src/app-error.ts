/**
 * The CLI's error codes are the server's one table (exit codes and HTTP statuses side by side).
 * @example throw new AppError("INPUT_INVALID", "inputs.csv 第3行…", "inputs.csv row 3 …")
 */
export { AppError, type AppErrorCode, EXIT_CODES, HTTP_STATUS, type Msg } from "@xinsuan/server/io";
