/** Where the registry finds what the seed says of the real-name policy system (commitment 3 of the 2018-2020 plan). */
export const REGISTRY_SOURCE = { plan: 'kr-2018-2020', commitment: '3', dataset: 'real-name-policy-tasks' } as const;
