package io.calicogitops.validate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainPatternTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*.twilio.com", "api.twilio.com", "twilio.com.", "www.google.com", "*.sendgrid.net",
            "ok_underscore.example.com", "api*.example.com", "*.*.example.com", "xn--bcher-kva.example"})
    void check_namesAndWildcards_areAccepted(String domain) {
        assertEquals(Optional.empty(), DomainPattern.check(domain));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            api.twilio.com/v1       | domain 'api.twilio.com/v1' has a bad label 'com/v1'
            bad domain.com          | domain 'bad domain.com' has a bad label 'bad domain'
            -leading.example.com    | domain '-leading.example.com' has a bad label '-leading'
            trailing-.example.com   | domain 'trailing-.example.com' has a bad label 'trailing-'
            google..com             | domain 'google..com' has a bad label ''
            https://api.twilio.com  | domain 'https://api.twilio.com' has a bad label 'https://api'
            ``                      | domain must not be empty
            """)
    void check_badNames_nameTheBadLabel(String domain, String message) {
        assertEquals(Optional.of(message), DomainPattern.check(domain));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {64, 100})
    void check_labelLongerThan63_isRefused(int length) {
        String label = "a".repeat(length);

        assertEquals(Optional.of("domain '" + label + ".com' has a bad label '" + label + "'"),
                DomainPattern.check(label + ".com"));
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.twilio.com       | api.twilio.com          | true
            *.twilio.com       | a.b.twilio.com          | true
            *.twilio.com       | API.Twilio.COM.         | true
            *.twilio.com       | twilio.com              | false
            *.twilio.com       | eviltwilio.com          | false
            *.twilio.com       | api.twilio.com.evil.org | false
            api.twilio.com     | api.twilio.com          | true
            api.twilio.com     | www.twilio.com          | false
            api*.example.com   | api-1.example.com       | true
            api*.example.com   | api.example.com         | false
            www.google.com.    | www.google.com          | true
            """)
    void matches_wildcardStandsForOneOrMoreCharactersAcrossLabels(String pattern, String name, boolean expected) {
        assertEquals(expected, DomainPattern.matches(pattern, name));
    }
}
