package dev.tracekit.analyzer.input;

/**
 * A decoder that also reads files whose records hold only the current layout's leading fields: those of
 * versions before the ones that added fields at the end (ReadPath.LEADING_FIELDS), told how many there are.
 */
interface LeadingFieldsDecoder<T> extends RecordDecoder<T> {
    /** How many fields the records of the file read next have. */
    void writerFields(int fields);
}
