/**
 * A small seeded PRNG (mulberry32): the demo data is the same on every machine for the same seed,
 * so tests, screenshots and benchmarks see the same city.
 */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力斌志宇鹏飞晨浩然欣怡思雨佳琪子涵梓轩雅婷俊凯博涛瑞';

/** A synthetic Chinese personal name (2–3 characters). No real person is meant. */
export function syntheticPersonName(rnd: DemoRandom): string {
  const surname = rnd.pick([...SURNAMES]);
  const given = rnd.chance(0.6) ? rnd.pick([...GIVEN]) + rnd.pick([...GIVEN]) : rnd.pick([...GIVEN]);
  return surname + given;
}
