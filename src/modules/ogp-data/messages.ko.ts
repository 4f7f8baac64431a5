// Korean text of the OGP import page (the key `ogp_import`); the type checker holds it to the English keys.
import type { ogpImportEn } from './messages.en.ts';

export const ogpImportKo: typeof ogpImportEn = {
  ogp_import: {
    errors: {
      file: '가져올 CSV 파일을 고르세요.',
      not_utf8: '{{name}}은(는) UTF-8 텍스트가 아닙니다. CSV(UTF-8)로 저장한 뒤 다시 시도하세요.',
      country: '국가 코드는 영문 2~3자(ISO 3166)로 입력하세요(예: KR).',
      period_end: '마지막 해는 네 자리 연도로 입력하세요.',
      slug: '주소는 영문 소문자, 숫자, 하이픈(연속 불가)으로 입력하세요.',
    },
    link: 'OGP 데이터(CSV)에서 실행계획 가져오기',
    title: 'OGP 데이터에서 실행계획 가져오기',
    intro: 'OGP가 공개하는 과제 CSV 파일로 실행계획을 올립니다. 파일 전체를 먼저 검사하며, 한 행이라도 잘못되면 아무것도 가져오지 않고 모든 오류를 행과 열로 보여 줍니다. 이상이 없으면 계획, 기관, 과제, IRM 번호와 평가를 함께 기록합니다.',
    schema: '마당의 실행계획 JSON 스키마',
    errors_title: '입력한 내용을 고쳐 주세요',
    refused_one: '{{file}}을(를) 가져오지 않았습니다: 오류 {{count}}개',
    refused_other: '{{file}}을(를) 가져오지 않았습니다: 오류 {{count}}개',
    refused_caption: '파일의 오류 (행과 열별)',
    row: '행',
    column: '열',
    message: '오류',
    file: 'CSV 파일',
    file_hint: 'OGP 과제 데이터, UTF-8, 최대 {{size}}',
    slug: '계획 주소 (선택)',
    slug_hint: '기본값은 국가 코드와 기간입니다. 예: kr-2018-2020',
    country: 'ISO 국가 코드 (선택)',
    country_hint: '파일의 IRM 번호로 국가를 알 수 없을 때만 필요합니다. 예: KR',
    period_end: '계획의 마지막 해 (선택)',
    period_end_hint: 'OGP 데이터에는 제출 연도만 있습니다. 기본값은 그 2년 뒤입니다.',
    submit: '검사하고 가져오기',
  },
};
