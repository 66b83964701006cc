package io.calicogitops.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every CSV file is written through {@link CsvLine}: RFC 4180 quoting and no formula a spreadsheet would run. */
class CsvLineTest {

    @Test
    void of_textStartingWithAFormulaCharacter_prefixedWithAQuoteAndQuoted() {
        assertEquals("\"'=1+1\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\n",
                CsvLine.of("=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"));
    }

    @Test
    void of_numbers_keepTheirSignAndStayNumbers() {
        assertEquals("-5,0,42,-1.5\n", CsvLine.of(-5, 0L, 42, -1.5));
    }

    @Test
    void of_commasQuotesAndLineBreaks_quotedQuotesDoubled() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n", CsvLine.of("plain", "a,b", "say \"hi\"", "two\nlines", ""));
    }
}
