import fs from 'node:fs';
import path from 'node:path';
import { Calendar, DomainError, parseIsoDate } from '@weijian/domain';
import type { Config } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { loadCalendar } from '../modules/calendar/load-calendar.js';
import { openDatabase } from '../platform.js';

/**
 * The calendar with the administrators' arrangements when the platform's database can be read
 * (DATABASE_URL, or an embedded data directory no server holds); otherwise the packaged data and
 * the statutory holidays, which is what any fresh install has.
 */
async function calendarFor(config: Config): Promise<Calendar> {
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) return new Calendar();
  try {
    const database = await openDatabase(config);
    try {
      return await loadCalendar(database.db);
    } finally {
      await database.close();
    }
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    process.stderr.write(
      '提示：平台正在运行，未读取管理员录入的放假安排 / note: the platform is running; administrator arrangements not read\n',
    );
    return new Calendar();
  }
}

/**
 * `weijian calendar …`: prints the result alone on standard output (for scripts); a provisional
 * result also prints a warning on standard error.
 */
export async function calendarCommand(config: Config, args: string[]): Promise<number> {
  const [sub, dateArg, nArg] = args;
  const calendar = await calendarFor(config);
  try {
    if (sub === 'day' && dateArg) {
      const info = calendar.dayInfo(parseIsoDate(dateArg));
      process.stdout.write(
        `${info.workingDay ? 'working' : 'rest'}\t${info.kind}${info.festival ? `\t${info.festival}` : ''}\n`,
      );
      warnIfProvisional(info.provisional ? [Number(info.date.slice(0, 4))] : []);
      return 0;
    }
    if ((sub === 'add-working-days' || sub === 'add-calendar-days') && dateArg && nArg !== undefined) {
      if (!/^\d+$/.test(nArg)) {
        process.stderr.write(
          `天数应为非负整数 / the number of days must be a non-negative integer: ${nArg}\n`,
        );
        return 2;
      }
      const from = parseIsoDate(dateArg);
      const r =
        sub === 'add-working-days'
          ? calendar.addWorkingDays(from, Number(nArg))
          : calendar.addCalendarDays(from, Number(nArg));
      process.stdout.write(`${r.date}\n`);
      warnIfProvisional(r.provisionalYears);
      return 0;
    }
  } catch (e) {
    if (e instanceof DomainError) {
      process.stderr.write(`${e.messageZh}\n${e.messageEn}\n`);
      return 2;
    }
    throw e;
  }
  process.stderr.write(
    '用法 Usage: weijian calendar add-working-days YYYY-MM-DD N | add-calendar-days YYYY-MM-DD N | day YYYY-MM-DD\n',
  );
  return 2;
}

function warnIfProvisional(years: number[]): void {
  if (years.length === 0) return;
  process.stderr.write(
    `警告：${years.join('、')} 年的放假安排尚未发布，结果按法定节假日推算，为预估值。\n` +
      `Warning: the holiday arrangement for ${years.join(', ')} is not published yet; the result uses the statutory holidays and is provisional.\n`,
  );
}
