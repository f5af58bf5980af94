<!-- include start from qos/burst.xml.i -->
<leafNode name="burst">
  <properties>
    <help>Burst size for this class</help>
    <valueHelp>
      <format>&lt;number&gt;</format>
      <description>Bytes</description>
    </valueHelp>
    <valueHelp>
      <format>&lt;number&gt;&lt;suffix&gt;</format>
      <description>Bytes with scaling suffix (kb, mb, gb)</description>
    </valueHelp>
  </properties>
  <defaultValue>15k</defaultValue>
</leafNode>
<!-- include end -->
