// The few parts of lunar-javascript (no types of its own) the provisional calendar uses.
declare module 'lunar-javascript' {
  export interface SolarDate {
    toYmd(): string;
    next(days: number): SolarDate;
    getLunar(): LunarDate;
  }
  export interface LunarDate {
    getSolar(): SolarDate;
    getJieQiTable(): Record<string, SolarDate>;
  }
  export const Solar: { fromYmd(year: number, month: number, day: number): SolarDate };
  export const Lunar: { fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDate };
}
