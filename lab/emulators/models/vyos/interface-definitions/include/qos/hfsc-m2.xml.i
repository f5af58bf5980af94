<!-- include start from qos/hfsc-m2.xml.i -->
<leafNode name="m2">
  <properties>
    <help>Linkshare m2 parameter for class traffic</help>
    <valueHelp>
      <format>&lt;number&gt;</format>
      <description>Rate in kbit (kilobit per second)</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;%%</format>
      <description>Percentage of overall rate</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;bit</format>
      <description>bit(1), kbit(10^3), mbit(10^6), gbit, tbit</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;ibit</format>
      <description>kibit(1024), mibit(1024^2), gibit(1024^3), tbit(1024^4)</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;ibps</format>
      <description>kibps(1024*8), mibps(1024^2*8), gibps, tibps - Byte/sec</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;bps</format>
      <description>bps(8),kbps(8*10^3),mbps(8*10^6), gbps, tbps - Byte/sec</description>
    </valueHelp>
  </properties>
  <defaultValue>100%</defaultValue>
</leafNode>
<!-- include end -->
