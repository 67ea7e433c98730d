export * from './dialogInfo';
export * from './notifyBudget';
export * from './presence';
export * from './resubscribe';
export * from './settings';
