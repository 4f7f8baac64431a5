import i18next, { type TFunction } from 'i18next';
import { en } from './locales/en.ts';
import { ko } from './locales/ko.ts';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type T = TFunction;

export function isLocale(v: unknown): v is Locale {
  return v === 'ko' || v === 'en';
}

const instance = i18next.createInstance();
await instance.init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'ko',
  fallbackLng: 'en',
  // Views escape everything they print; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

export function translator(locale: Locale): T {
  return instance.getFixedT(locale);
}

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeZone: 'Asia/Seoul' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Seoul' }),
};
const DATETIME_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }),
};

export function formatDay(locale: Locale, isoDay: string): string {
  return DATE_FORMATS[locale].format(new Date(`${isoDay}T00:00:00+09:00`));
}

export function formatDateTime(locale: Locale, iso: string): string {
  return DATETIME_FORMATS[locale].format(new Date(iso));
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-GB').format(n);
}
