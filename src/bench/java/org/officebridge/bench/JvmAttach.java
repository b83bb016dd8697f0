package org.officebridge.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A JMX connection to a local JVM through the JDK's attach API and its local management agent. */
public final class JvmAttach {

  private JvmAttach() {}

  /**
   * @param pid the JVM's process id
   * @return a connection to its platform MBeans; the caller closes it
   * @throws IOException when the JVM cannot be attached to
   */
  public static JMXConnector connect(long pid) throws IOException {
    String address;
    try {
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
    } catch (AttachNotSupportedException e) {
      throw new IOException("cannot attach to the server JVM", e);
    }
    return JMXConnectorFactory.connect(new JMXServiceURL(address));
  }
}
