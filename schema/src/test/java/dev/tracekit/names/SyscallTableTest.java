package dev.tracekit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyscallTableTest {

    @ParameterizedTest
    @CsvSource({
        "x86_64, 0, read", "x86_64, 2, open", "x86_64, 257, openat", "x86_64, 62, kill", "x86_64, 437, openat2",
        "x86_64, 39, getpid", "x86_64, 85, creat", "x86_64, 200, tkill", "x86_64, 234, tgkill",
        "aarch64, 56, openat", "aarch64, 129, kill", "aarch64, 63, read", "aarch64, 172, getpid",
        "aarch64, 437, openat2", "aarch64, 131, tgkill", "x86_64, 470, listns", "aarch64, 470, listns"})
    void knownPairsBothWays(String arch, int number, String name) {
        SyscallTable table = SyscallTable.of(Arch.parse(arch));
        assertEquals(name, table.name(number));
        assertEquals(number, table.number(name).orElseThrow());
    }

    @Test
    void aarch64HasNoLegacyOpen() {
        SyscallTable aarch64 = SyscallTable.of(Arch.AARCH64);
        assertTrue(aarch64.number("open").isEmpty());
        assertTrue(aarch64.number("creat").isEmpty());
    }

    @Test
    void unknownNumbersGetAStableNameThatParsesBack() {
        SyscallTable table = SyscallTable.of(Arch.X86_64);
        assertEquals("syscall_999", table.name(999));
        assertEquals(999, table.number("syscall_999").orElseThrow());
        assertEquals(257, table.number("SYS_openat").orElseThrow());
        assertTrue(table.number("no_such_call").isEmpty());
    }

    /** x86_64's compat syscalls come from syscall_32.tbl, whose numbers mean other calls. */
    @ParameterizedTest
    @CsvSource({"5, ia32:open", "37, ia32:kill", "64, ia32:getppid", "20, ia32:getpid", "102, ia32:socketcall",
        "295, ia32:openat", "437, ia32:openat2", "470, ia32:listns", "999, ia32:syscall_999"})
    void ia32NumbersAreNamedFromTheIa32Table(int number, String name) {
        SyscallTable x86 = SyscallTable.of(Arch.X86_64);
        assertEquals(name, x86.name(number | SyscallTable.IA32));
        assertEquals(number | SyscallTable.IA32, x86.number(name).orElseThrow());
        assertEquals(number | SyscallTable.IA32, x86.number(name.toUpperCase()).orElseThrow());
    }

    @Test
    void ia32NamesAreNotNative() {
        SyscallTable x86 = SyscallTable.of(Arch.X86_64);
        assertEquals("fstat", x86.name(5), "x86_64's own 5");
        assertTrue(x86.number("ia32:no_such_call").isEmpty());
        assertTrue(SyscallTable.of(Arch.AARCH64).number("ia32:open").isEmpty(), "no ia32 table on aarch64");
    }

    @Test
    void tablesAreComplete() {
        assertTrue(SyscallTable.of(Arch.X86_64).all().size() > 370);
        assertTrue(SyscallTable.of(Arch.AARCH64).all().size() > 310);
    }

    @Test
    void archParsesUnameAndJvmSpellings() {
        assertEquals(Arch.X86_64, Arch.parse("amd64"));
        assertEquals(Arch.AARCH64, Arch.parse("arm64"));
        assertEquals("aarch64", Arch.AARCH64.unameName());
    }
}
