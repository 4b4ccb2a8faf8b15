/** A file the import cannot or must not turn into an edition; the message is for staff, in Chinese. */
export class ImportError extends Error {}
