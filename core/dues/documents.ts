export const duesDocumentHandlers = {};
