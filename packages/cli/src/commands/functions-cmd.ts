/**
 * `xinsuan functions`: the formula functions a policy can use, each with its one-line Chinese description.
 * @example runFunctions(false, console.log) // IF  IF(条件, 是, 否)：…
 */
import { FUNCTIONS } from "@xinsuan/core";
import { formatTerminalTable } from "@xinsuan/server/io";

/** Prints every function (or JSON `[{name, zh}]`), sorted by name. */
export function runFunctions(json: boolean, print: (s: string) => void): void {
  const list = [...FUNCTIONS.values()]
    .map((f) => ({ name: f.name, zh: f.zh }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (json) print(JSON.stringify(list, null, 2));
  else
    print(
      formatTerminalTable(
        ["函数", "说明"],
        list.map((f) => [f.name, f.zh]),
      ),
    );
}
