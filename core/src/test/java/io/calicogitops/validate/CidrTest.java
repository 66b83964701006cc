package io.calicogitops.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            198.51.100.7/32       | 4  | 32
            10.0.0.0/8            | 4  | 8
            0.0.0.0/0             | 4  | 0
            10.1.2.3              | 4  | 32
            255.255.255.255/32    | 4  | 32
            2001:db8::/32         | 16 | 32
            ::/0                  | 16 | 0
            ::1                   | 16 | 128
            fe80::1/64            | 16 | 64
            1:2:3:4:5:6:7:8/128   | 16 | 128
            1:2:3:4:5:6:7::/112   | 16 | 112
            FE80::ABCD/10         | 16 | 10
            ::ffff:192.0.2.1/128  | 16 | 128
            """)
    void parse_validNetworks_giveAddressLengthAndPrefix(String text, int bytes, int prefix) {
        Cidr c = Cidr.parse(text);

        assertEquals(bytes, c.address().length);
        assertEquals(prefix, c.prefix());
        assertEquals(Optional.empty(), Cidr.check(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            10.0.0.256/32          | octet 256 is larger than 255
            10.0.0.0/33            | prefix length 33 is larger than 32
            fe80::1/129            | prefix length 129 is larger than 128
            10.0.0/24              | '10.0.0' is not an IPv4 or IPv6 address
            $MY_IP/32              | '$MY_IP' is not an IPv4 or IPv6 address
            10.0.0.0/abc           | prefix length 'abc' is not a number
            10.0.0.0/              | prefix length '' is not a number
            010.0.0.1/32           | octet '010' has a leading zero
            1::2::3                | '1::2::3' is not an IPv6 address
            1:2:3:4:5:6:7          | '1:2:3:4:5:6:7' does not have 8 groups
            1:2:3:4:5:6:7:8::/64   | '1:2:3:4:5:6:7:8::' has too many groups: '::' stands for at least one
            12345::/16             | '12345::' has a bad group '12345'
            `10.0.0.0/8 `          | spaces around the value
            ``                     | '' is not an IPv4 or IPv6 address
            """)
    void check_badNetworks_sayWhatIsWrong(String text, String why) {
        assertEquals(Optional.of("'" + text + "' is not a valid CIDR: " + why), Cidr.check(text));
    }

    @Test
    void check_controlCharacters_areShownEscaped() {
        assertEquals(Optional.of("'10.0.0.1\\x0a/32' is not a valid CIDR: '10.0.0.1\n' is not an IPv4 or IPv6 address"),
                Cidr.check("10.0.0.1\n/32"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255"})
    void contains_addressesInsideTheNetwork(String ip) {
        assertTrue(Cidr.parse("10.0.0.0/8").contains(Cidr.parse(ip).address()));
    }

    @Test
    void contains_addressOutsideOrOfTheOtherFamily_isFalse() {
        Cidr net = Cidr.parse("10.0.0.0/8");

        assertFalse(net.contains(Cidr.parse("11.0.0.1").address()));
        assertFalse(net.contains(Cidr.parse("::a00:1").address()));
        assertTrue(Cidr.parse("2001:db8::/32").contains(Cidr.parse("2001:db8:1::5").address()));
    }

    @Test
    void isV4_andEquality_useAddressBytesAndPrefix() {
        assertTrue(Cidr.parse("10.0.0.0/8").isV4());
        assertFalse(Cidr.parse("::/0").isV4());
        assertEquals(Cidr.parse("2001:DB8::/32"), Cidr.parse("2001:db8:0::/32"));
        assertEquals(Cidr.parse("2001:DB8::/32").hashCode(), Cidr.parse("2001:db8:0::/32").hashCode());
    }
}
