export * from './common';
export * from './problem';
export * from './roles';
export * from './auth';
export * from './plans';
export * from './milestones';
export * from './activity';
