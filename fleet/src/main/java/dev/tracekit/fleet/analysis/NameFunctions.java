package dev.tracekit.fleet.analysis;

import static org.apache.spark.sql.functions.udf;

import dev.tracekit.names.Arch;
import dev.tracekit.names.Errnos;
import dev.tracekit.names.Signals;
import dev.tracekit.names.SyscallTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The name tables of {@code dev.tracekit.names} as Spark functions, also callable from SQL in a notebook
 * ({@code tracekit_syscall_name(arch, syscall)}, {@code tracekit_errno_name(errno)},
 * {@code tracekit_signal_name(signal)}). They call the very methods the analyzer decodes with, so names and
 * their fallbacks ({@code syscall_N}, a bare errno number, {@code SIGRTMIN+n}) are the same; the tables ship
 * in the fleet jar to every executor, so there is nothing to broadcast. Jobs decode after aggregating,
 * a few rows per result.
 */
public final class NameFunctions {
    public static final String SYSCALL = "tracekit_syscall_name";
    public static final String ERRNO = "tracekit_errno_name";
    public static final String SIGNAL = "tracekit_signal_name";

    private final UserDefinedFunction syscall;
    private final UserDefinedFunction errno;
    private final UserDefinedFunction signal;

    private NameFunctions(UserDefinedFunction syscall, UserDefinedFunction errno, UserDefinedFunction signal) {
        this.syscall = syscall;
        this.errno = errno;
        this.signal = signal;
    }

    public static NameFunctions register(SparkSession spark) {
        return new NameFunctions(
                spark.udf().register(SYSCALL, udf((UDF2<String, Integer, String>) (arch, number) ->
                        SyscallTable.of(Arch.parse(arch)).name(number), DataTypes.StringType)),
                spark.udf().register(ERRNO, udf((UDF1<Integer, String>) Errnos::name, DataTypes.StringType)),
                spark.udf().register(SIGNAL, udf((UDF1<Integer, String>) Signals::name, DataTypes.StringType)));
    }

    /** A syscall number's name in the architecture of each row's recording. */
    Column syscall(Column arch, Column number) {
        return syscall.apply(arch, number);
    }

    Column errno(Column number) {
        return errno.apply(number);
    }

    Column signal(Column number) {
        return signal.apply(number);
    }
}
