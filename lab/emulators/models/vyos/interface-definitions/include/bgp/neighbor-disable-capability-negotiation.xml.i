<!-- include start from bgp/neighbor-disable-capability-negotiation.xml.i -->
<leafNode name="disable-capability-negotiation">
  <properties>
    <help>Disable capability negotiation with this neighbor</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
