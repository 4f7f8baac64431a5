// English interface text of the standards module (the key `standards`).
export const standardsEn = {
  standards: {
    errors: {
      no_version: 'The rule set has no version for plan {{slug}}.',
    },
    title: 'Participation and Co-Creation Standards',
    lead: 'Each requirement is computed from the records on this platform: forum meetings, members by sector, the call for proposals and its timeline, responses to proposals. What the records cannot decide is shown as not enough data, never guessed.',
    evidence: 'Evidence',
    missing_title: 'Missing',
    link: 'Co-creation standards',
    result: { pass: 'Pass', fail: 'Fail', not_enough_data: 'Not enough data' },
    missing: {
      forum: 'No multi-stakeholder forum is linked to the plan’s call for proposals.',
      meeting_days: 'The forum’s meetings are recorded without their days, or counted without dates.',
      non_government_members: 'No non-governmental member is recorded.',
      government_members: 'No government member is recorded.',
      repository: 'No item of the plan’s period is in the repository on this platform: it was kept elsewhere, or not at all.',
      repository_half_years: 'Some half-years have too few dated documents.',
      call: 'No call for proposals is recorded for the plan.',
      call_opening: 'The call’s opening date is not recorded.',
      timeline_publication: 'The date the timeline was published is not recorded.',
      proposals: 'No proposal is recorded for the plan’s call.',
      responses_pending: 'Some proposals have no reasoned response yet (none overdue).',
      meetings_by_year: 'Meetings with civil society are not recorded with their year and count for every year of the plan.',
    },
  },
};
