// Korean interface text of the standards module (the key `standards`).
export const standardsKo = {
  standards: {
    errors: {
      no_version: '{{slug}} 계획에 적용할 규칙 버전이 없습니다.',
    },
    title: '참여·공동창조 기준',
    lead: '각 요건은 이 플랫폼의 기록(포럼 회의, 부문별 위원, 제안 공모와 일정, 제안에 대한 답변)에서 계산합니다. 기록으로 판단할 수 없는 것은 추측하지 않고 "자료 부족"으로 표시합니다.',
    evidence: '근거',
    missing_title: '부족한 기록',
    link: '공동창조 기준',
    result: { pass: '충족', fail: '미충족', not_enough_data: '자료 부족' },
    missing: {
      forum: '실행계획의 제안 공모에 연결된 다자간 포럼이 없습니다.',
      meeting_days: '포럼 회의가 날짜 없이 기록되었거나 횟수만 기록되어 있습니다.',
      non_government_members: '비정부 위원이 기록되어 있지 않습니다.',
      government_members: '정부 위원이 기록되어 있지 않습니다.',
      repository: '이 플랫폼의 저장소에는 계획 기간의 자료가 없습니다. 저장소를 다른 곳에서 운영했거나 운영하지 않았습니다.',
      repository_half_years: '날짜가 있는 문서가 부족한 반기가 있습니다.',
      call: '실행계획의 제안 공모가 기록되어 있지 않습니다.',
      call_opening: '공모 시작일이 기록되어 있지 않습니다.',
      timeline_publication: '일정을 공개한 날짜가 기록되어 있지 않습니다.',
      proposals: '공모에 기록된 제안이 없습니다.',
      responses_pending: '아직 이유를 밝힌 답변이 없는 제안이 있습니다(기한 경과 없음).',
      meetings_by_year: '실행계획 기간의 해마다 시민사회와의 회의가 연도와 횟수로 기록되어 있지 않습니다.',
    },
  },
};
