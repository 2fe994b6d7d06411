/** The quorum arithmetic is side-agnostic: it lives in common/ so the attendance picker judges as the ledger does. */
export * from '../../common/quorum.ts';
