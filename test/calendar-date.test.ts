/** Calendar dates: YYYY-MM-DD naming a day that exists, leap years included. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isCalendarDate } from "../src/model/calendar-date.ts";

describe("calendar dates", () => {
  it("accepts the days of the calendar", () => {
    for (const day of ["2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "2026-04-30", "1999-08-31"])
      assert.equal(isCalendarDate(day), true, day);
  });

  it("rejects days that do not exist and other shapes", () => {
    for (const text of [
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-02-29",
      "1900-02-29",
      "2026-04-31",
      "2022-13-45",
      "2026-1-01",
      "2026/01/01",
      "20260101",
      "",
    ])
      assert.equal(isCalendarDate(text), false, text);
  });

  it("agrees with the calendar on every day from 1899 to 2101, and on the day after each month's last", () => {
    let checked = 0;
    for (let t = Date.UTC(1899, 0, 1); t < Date.UTC(2102, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      assert.equal(isCalendarDate(day), true, day);
      if (new Date(t + 86_400_000).getUTCDate() === 1) {
        const after = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1)}`;
        assert.equal(isCalendarDate(after), false, after);
        checked++;
      }
    }
    assert.equal(checked, 203 * 12);
  });
});
