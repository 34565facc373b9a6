package org.flashpoint.ingest.corpus;

import org.flashpoint.contracts.RejectedRecord;

/** Where a format reader puts what it finds in one file. */
interface Emitter {
    void article(RawArticle article);

    void reject(RejectedRecord rejection);
}
