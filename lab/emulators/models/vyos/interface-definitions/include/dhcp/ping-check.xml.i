<!-- include start from dhcp/ping-check.xml.i -->
<leafNode name="ping-check">
  <properties>
    <help>Sends ICMP Echo request to the address being assigned</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
