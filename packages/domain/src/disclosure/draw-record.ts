import type { Citation } from '../calendar/calendar.js';
import { addDays, type IsoDate } from '../calendar/iso-date.js';

export const DRAW_RECORD_CITATION: Citation = {
  zh: '国办发〔2015〕58号“双随机、一公开”：抽查计划、抽查结果及时向社会公开；抽取记录（随机数、种子、抽中名单）在检查期结束后公开，事先公开会泄露检查对象',
  en: 'State Council Office 2015 No. 58: plans and results are published; the draw record (seed, nonce, targets) is published after the inspection period, since publishing it before would reveal the targets',
};

/** The full draw record (nonce included) is public from the day after the inspection period. */
export function drawRecordPublicFrom(periodEnd: string): IsoDate {
  return addDays(periodEnd.slice(0, 10) as IsoDate, 1);
}

/** Whether a campaign's draw record may be downloaded on `today`: drawn, and the period over. */
export function drawRecordPublic(periodEnd: string, drawn: boolean, today: string): boolean {
  return drawn && today >= drawRecordPublicFrom(periodEnd);
}
